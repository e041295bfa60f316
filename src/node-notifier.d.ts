// node-notifier ships no types; src/flows/notify.ts declares the part it uses.
declare module 'node-notifier';
