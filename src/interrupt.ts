/**
 * What one SIGINT does. The first asks the command to stop (it saves what was
 * done and exits 130); a second, pressed later, stops at once. conf's writer
 * (atomically's exit hook) raises each SIGINT again after its own handler
 * runs, so a repeat within `echoMs` of the first is that same press, ignored.
 */
export function interruptAction(firstAt: number | undefined, now: number, echoMs = 500): 'stop' | 'exit' | 'ignore' {
  if (firstAt === undefined) return 'stop';
  return now - firstAt < echoMs ? 'ignore' : 'exit';
}
