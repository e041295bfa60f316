import { notYet } from './not-yet.js';
export async function exportStore(): Promise<void> { notYet('export'); }
export async function importStore(): Promise<void> { notYet('import'); }
