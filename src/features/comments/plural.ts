import { groupThousands } from '../../contract/group-thousands';

/** "1 new comment", "1,204 new comments": a count with its digits grouped, and the right word. */
export const plural = (n: number, one: string, many: string) =>
  `${groupThousands(n)} ${n === 1 ? one : many}`;
