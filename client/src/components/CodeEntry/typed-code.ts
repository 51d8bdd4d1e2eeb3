/** Digits only, at most six (a pasted 「123 456」 works too): what a member's code shows under its QR. */
export const typedCode = (value: string): string => value.replace(/\D+/g, '').slice(0, 6)
