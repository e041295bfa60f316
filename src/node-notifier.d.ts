// node-notifier ships no types; src/ui/notify.ts declares the part it uses.
declare module 'node-notifier';
