// The options page: per-site switches, the card switch, and self-hosted Jitsi servers.
// A Jitsi server is added only after the browser's own permission prompt grants access to
// https://HOST/* (an optional host permission); then the content scripts are registered
// there with chrome.scripting.registerContentScripts.
import { SITES, normaliseDomain } from '../shared/sites.js';
import { loadSettings, saveSettings } from '../shared/settings.js';
import { syncJitsiScripts, originPattern } from '../shared/jitsi-scripts.js';
import { diagnoseHostError } from '../shared/host-diagnosis.js';

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
  let granted;
  try {
    granted = await chrome.permissions.request({ origins: [originPattern(domain)] });
  } catch (err) {
    say(`Not added: the browser refused the request (${err.message}).`);
    return;
  }
  if (!granted) {
    say(`Not added: the browser did not allow access to ${domain}.`);
    return;
  }
  if (!settings.jitsiDomains.includes(domain)) settings.jitsiDomains.push(domain);
  try {
    await saveSettings(settings);
    await syncJitsiScripts(settings.jitsiDomains);
  } catch (err) {
    say(`${domain} is allowed but could not be watched: ${err.message}`);
    return;
  }
  $('jitsi-domain').value = '';
  renderJitsi();
  say(`${domain} added. Meeting pages on it opened from now on are watched; reload one that is already open.`);
});

function renderHistory() {
  $('history-enabled').checked = settings.history.enabled;
  $('history-title').checked = settings.history.pageTitle;
  $(`history-meeting-${settings.history.meeting}`).checked = true;
}

// Whether the history is being saved, and how many events wait: the person should not
// believe a record is kept while the helper is missing.
async function renderHistoryStatus() {
  let text = '';
  if (!settings.history.enabled) {
    text = 'History is off: no record is kept.';
  } else {
    let status = null;
    try {
      status = (await chrome.runtime.sendMessage({ type: 'history-status' }))?.status;
    } catch {
      status = null;
    }
    const waiting = status?.queued ? ` ${status.queued === 1 ? '1 event waits' : `${status.queued} events wait`} to be saved.` : '';
    if (status?.error) text = `History is not being saved: ${diagnoseHostError(status.error, { extensionId: chrome.runtime.id, lastConnectedAt: status.lastConnectedAt }).title}${waiting} The history page says what to do.`;
    else if (status?.queued) text = `History:${waiting}`;
    else if (status?.state === 'connected') text = 'History is saved on this computer.';
  }
  $('history-status').textContent = text;
}

$('history-enabled').addEventListener('change', async () => {
  settings.history.enabled = $('history-enabled').checked;
  await saveSettings(settings);
  say(`History ${settings.history.enabled ? 'on' : 'off'}.`);
  renderHistoryStatus();
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
renderHistoryStatus();
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'session' ? changes.historyStatus : changes.historyQueue) renderHistoryStatus();
  // The popup or the card may pause a site while this page is open.
  if (area === 'local' && changes.settings) {
    loadSettings().then((fresh) => {
      settings = fresh;
      for (const site of SITES) {
        const box = $(`site-${site.id}`);
        if (box) box.checked = settings.sites[site.id] !== false;
      }
    });
  }
});
renderSites();
renderJitsi();
