/**
 * How many characters a text has, as every limit counts them, on both sides: Unicode code points,
 * as the schemas' `minLength` / `maxLength` count them (zod measures strings in code points), so an
 * emoji or a rare character of a name (𠮷) is one. Forms, domain rules and schemas all count with
 * this, so a text the form lets through the server takes.
 */
export const textLength = (text: string): number => [...text].length
