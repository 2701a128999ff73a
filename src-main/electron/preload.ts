import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';

/**
 * The renderer's whole view of the main process: invoke a contract channel, listen to an event.
 * No ipcRenderer, no Node, nothing else crosses the bridge. An upload goes by the path of the file
 * the user chose, never by a path the page names: the path is taken from the File here.
 */
// The language on screen goes with each call, so answers before login (a wrong password) come back in
// it, as browser mode's X-SMA-Language header does; the main process checks it is one it speaks.
// (The main project is typed without the DOM, which the preload alone sees.)
const screenLanguage = () => (globalThis as { document?: { documentElement: { lang: string } } }).document?.documentElement.lang;

contextBridge.exposeInMainWorld('sma', {
  invoke: (channel: string, input: unknown) => ipcRenderer.invoke('sma:invoke', channel, input, screenLanguage()),
  uploadFromDisk: (file: File) => {
    const path = webUtils.getPathForFile(file);
    // A File made in memory has no path: the caller sends its bytes instead.
    return path ? ipcRenderer.invoke('sma:upload', path, file.name, screenLanguage()) : null;
  },
  on: (name: string, callback: (payload: unknown) => void) => {
    const listener = (_event: IpcRendererEvent, message: { name: string; payload: unknown }) => {
      if (message.name === name) callback(message.payload);
    };
    ipcRenderer.on('sma:event', listener);
    return () => {
      ipcRenderer.removeListener('sma:event', listener);
    };
  },
});
