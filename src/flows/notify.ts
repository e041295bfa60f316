// A desktop notification when a timed step ends (SPEC.md `timer`), through
// node-notifier: it knows each platform's notifier (notify-send on Linux,
// Notification Center on macOS, toasts on Windows) and ships the helpers it
// needs in its package. Loaded only when a notification is sent.

/** What node-notifier offers that spasm uses. */
interface Notifier {
  notify(options: { title: string; message: string; sound?: boolean; wait?: boolean }, callback?: (error: unknown) => void): unknown;
}

/**
 * Sends one notification and resolves when the notifier is done (or failed).
 * On a machine with no notifier it does nothing and says nothing: the bell
 * has rung, and a missing notifier is not the person's problem.
 */
export async function notifyDesktop(title: string, message: string): Promise<void> {
  try {
    const mod = (await import('node-notifier')) as unknown as { default?: Notifier } & Notifier;
    const notifier = mod.default ?? mod;
    await new Promise<void>((done) => {
      notifier.notify({ title, message, sound: false, wait: false }, () => done());
    });
  } catch {
    // no notifier here
  }
}
