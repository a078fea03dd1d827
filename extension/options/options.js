// The options page: per-site switches, the card switch, and self-hosted Jitsi servers.
// A Jitsi server is added only after the browser's own permission prompt grants access to
// https://HOST/* (an optional host permission); then the content scripts are registered
// there with chrome.scripting.registerContentScripts.
import { SITES, normaliseDomain } from '../shared/sites.js';
import { loadSettings, saveSettings } from '../shared/settings.js';
import { syncJitsiScripts, originPattern } from '../shared/jitsi-scripts.js';

const $ = (id) => document.getElementById(id);
let settings = null;

function say(text) {
  $('message').textContent = text;
}

function renderSites() {
  const box = $('sites');
  for (const old of box.querySelectorAll('label')) old.remove();
  for (const site of SITES) {
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.id = `site-${site.id}`;
    input.checked = settings.sites[site.id] !== false;
    input.addEventListener('change', async () => {
      settings.sites[site.id] = input.checked;
      await saveSettings(settings);
      say(`${site.label}: ${input.checked ? 'on' : 'off'}.`);
    });
    const label = document.createElement('label');
    label.append(input, ` ${site.label} (${site.hosts.join(', ')})`);
    box.appendChild(label);
  }
}

function renderJitsi() {
  const list = $('jitsi-list');
  list.replaceChildren();
  for (const domain of settings.jitsiDomains) {
    const li = document.createElement('li');
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', `Remove ${domain}`);
    remove.addEventListener('click', async () => {
      settings.jitsiDomains = settings.jitsiDomains.filter((d) => d !== domain);
      await saveSettings(settings);
      await chrome.permissions.remove({ origins: [originPattern(domain)] });
      await syncJitsiScripts(settings.jitsiDomains);
      renderJitsi();
      say(`${domain} removed.`);
    });
    li.append(`${domain} `, remove);
    list.appendChild(li);
  }
}

$('card').addEventListener('change', async () => {
  settings.card = $('card').checked;
  await saveSettings(settings);
  say(`Card ${settings.card ? 'on' : 'off'}.`);
});

$('jitsi-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const domain = normaliseDomain($('jitsi-domain').value);
  if (!domain) {
    say('That is not a host name. Type only the name, such as meet.example.org.');
    return;
  }
  // permissions.request must be the first await after the click: browsers require the user gesture.
  const granted = await chrome.permissions.request({ origins: [originPattern(domain)] });
  if (!granted) {
    say(`Not added: the browser did not allow access to ${domain}.`);
    return;
  }
  if (!settings.jitsiDomains.includes(domain)) settings.jitsiDomains.push(domain);
  await saveSettings(settings);
  await syncJitsiScripts(settings.jitsiDomains);
  $('jitsi-domain').value = '';
  renderJitsi();
  say(`${domain} added. Reload its meeting pages to start.`);
});

function renderHistory() {
  $('history-enabled').checked = settings.history.enabled;
  $('history-title').checked = settings.history.pageTitle;
  $(`history-meeting-${settings.history.meeting}`).checked = true;
}

$('history-enabled').addEventListener('change', async () => {
  settings.history.enabled = $('history-enabled').checked;
  await saveSettings(settings);
  say(`History ${settings.history.enabled ? 'on' : 'off'}.`);
});
$('history-title').addEventListener('change', async () => {
  settings.history.pageTitle = $('history-title').checked;
  await saveSettings(settings);
  say(settings.history.pageTitle ? 'Page titles are kept.' : 'Page titles are not kept.');
});
for (const radio of document.querySelectorAll('input[name="history-meeting"]')) {
  radio.addEventListener('change', async () => {
    if (!radio.checked) return;
    settings.history.meeting = radio.value;
    await saveSettings(settings);
    say({ hash: 'Meetings are kept as a fingerprint.', url: 'Meeting links are kept.', none: 'Meetings are not named.' }[radio.value]);
  });
}
$('open-history').addEventListener('click', () => {
  chrome.tabs.create({ url: chrome.runtime.getURL('history/history.html') });
});

settings = await loadSettings();
$('card').checked = settings.card;
renderHistory();
renderSites();
renderJitsi();
