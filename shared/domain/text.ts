/**
 * How many characters a text has, as every limit counts them, on both sides: UTF-16 units, as the
 * schemas' `maxLength` counts (a character outside the BMP, such as an emoji, counts two). Forms,
 * domain rules and schemas all count with this, so a text the form lets through the server takes.
 */
export const textLength = (text: string): number => text.length
