import type { Board } from '../spec/board.js';
import { BOARD_NAME_MAX, DESCRIPTION_MAX } from '../spec/limits.js';
import { checkDescription, checkName, checkTags } from './text-rules.js';

/** The rules Honeycomb's Boards API enforces on a flexible board's own fields. */
export const checkBoard = (board: Board): string[] => [
  ...checkName(board.name, BOARD_NAME_MAX),
  ...checkDescription(board.description, DESCRIPTION_MAX),
  ...checkTags(board.tags),
];
