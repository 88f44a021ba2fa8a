/** The built-in training set: prompts whose IR quality the optimizer tries to raise. */
export const DEFAULT_EXAMPLES: readonly string[] = [
  'Write a function called factorial that takes n and returns the product of all integers up to n.',
  'Write a function called greet that takes name and returns a greeting string for that person.',
  'Write a function called clamp that takes a float x, a float low and a float high and returns the max of low and the min of x and high.',
  'Write a function called is_even that takes an integer n and returns whether n is even, where n >= 0.',
  'Write a function called count_words that takes text and returns an integer count of the words in it.',
  'Write a function called add that takes an integer a and an integer b and returns their sum.',
];
