import { notYet } from './not-yet.js';
export async function routine(): Promise<void> { notYet('routine'); }
export async function routineLog(): Promise<void> { notYet('routine log'); }
