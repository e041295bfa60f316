import { notYet } from './not-yet.js';
export async function configSet(): Promise<void> { notYet('config set'); }
export async function configGet(): Promise<void> { notYet('config get'); }
export async function configUnset(): Promise<void> { notYet('config unset'); }
