import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

/**
 * The renderer's whole view of the main process: invoke a contract channel, listen to an event.
 * No ipcRenderer, no Node, nothing else crosses the bridge.
 */
contextBridge.exposeInMainWorld('sma', {
  invoke: (channel: string, input: unknown) => ipcRenderer.invoke('sma:invoke', channel, input),
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
