import { notYet } from './not-yet.js';
export async function logAdd(): Promise<void> { notYet('log'); }
export async function logList(): Promise<void> { notYet('log list'); }
export async function logShow(): Promise<void> { notYet('log show'); }
export async function logEdit(): Promise<void> { notYet('log edit'); }
export async function logEnd(): Promise<void> { notYet('log end'); }
export async function logDelete(): Promise<void> { notYet('log delete'); }
