import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';

/**
 * The renderer's whole view of the main process: invoke a contract channel, listen to an event.
 * No ipcRenderer, no Node, nothing else crosses the bridge. An upload goes by the path of the file
 * the user chose, never by a path the page names: the path is taken from the File here.
 */
contextBridge.exposeInMainWorld('sma', {
  invoke: (channel: string, input: unknown) => ipcRenderer.invoke('sma:invoke', channel, input),
  uploadFromDisk: (file: File) => {
    const path = webUtils.getPathForFile(file);
    // A File made in memory has no path: the caller sends its bytes instead.
    return path ? ipcRenderer.invoke('sma:upload', path, file.name) : null;
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
