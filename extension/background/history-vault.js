// Where the history link keeps what no web page may touch: the queue of events waiting for the
// history helper and the secret the meeting fingerprint is keyed with. IndexedDB of the
// extension's own origin: content scripts run in the page's origin, so in Chromium and in
// Firefox alike they cannot open it (chrome.storage.local is reachable from content scripts in
// Firefox, and in Chromium until setAccessLevel limits it). A small key-value store: each value
// is written whole, in one transaction.
//
// Where IndexedDB is missing or refuses to open (node, for the unit tests; a browser with it
// turned off), chrome.storage.local is used instead and vaultKind() says so.
const DB_NAME = 'consentlens-history';
const STORE = 'vault';

let opening = null;
let kind = null;  // 'indexeddb' | 'storage.local'

function openDb() {
  opening ||= new Promise((resolve) => {
    if (!globalThis.indexedDB) { resolve(null); return; }
    let req;
    try {
      req = indexedDB.open(DB_NAME, 1);
    } catch {
      resolve(null);
      return;
    }
    req.onupgradeneeded = () => { req.result.createObjectStore(STORE); };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
  }).then((db) => {
    kind = db ? 'indexeddb' : 'storage.local';
    return db;
  });
  return opening;
}

function done(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export async function vaultGet(key) {
  const db = await openDb();
  if (!db) return (await globalThis.chrome.storage.local.get(`vault:${key}`))[`vault:${key}`];
  return done(db.transaction(STORE, 'readonly').objectStore(STORE).get(key));
}

export async function vaultSet(key, value) {
  const db = await openDb();
  if (!db) return globalThis.chrome.storage.local.set({ [`vault:${key}`]: value });
  const tx = db.transaction(STORE, 'readwrite');
  tx.objectStore(STORE).put(value, key);
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error('the write was aborted'));
  });
}

export async function vaultKind() {
  await openDb();
  return kind;
}
