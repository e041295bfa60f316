import { notYet } from './not-yet.js';
export async function exercisesList(): Promise<void> { notYet('exercises'); }
export async function exercisesShow(): Promise<void> { notYet('exercises show'); }
