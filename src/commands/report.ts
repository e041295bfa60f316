import { notYet } from './not-yet.js';
export async function report(): Promise<void> { notYet('report'); }
