// Opens a sealed calibration key in the browser: the counterpart of generator/ijkpunt/seal.py, which
// explains the format and what it does and does not protect. Everything happens in Web Crypto: the
// passphrase and the opened text never leave the page.
//
// A box: {format: "ijkpunt-sealed-1", cipher: "AES-256-GCM", kdf: "PBKDF2-SHA256", iterations,
// salt, iv, ciphertext}, the last three standard Base64; the ciphertext ends with GCM's 16-byte tag,
// which is how Web Crypto's decrypt expects it.

const FORMAT = "ijkpunt-sealed-1";
const CIPHER = "AES-256-GCM";
const KDF = "PBKDF2-SHA256";
// The same bounds as seal.py: a crafted box must not keep the page deriving for minutes.
const MIN_ITERATIONS = 100_000;
const MAX_ITERATIONS = 10_000_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The box does not open with this passphrase: a wrong passphrase, or a box that was changed.
 * The message is for the console; the page shows its own text (from the catalogue) on this error's name.
 */
export class WrongPassphrase extends Error {
  constructor(message = "The passphrase is wrong or the sealed box was changed") {
    super(message);
    this.name = "WrongPassphrase";
  }
}

/**
 * The text sealed in `box` (the parsed JSON object) with `passphrase`.
 * Rejects with WrongPassphrase when the passphrase is wrong or the box was changed (GCM cannot
 * tell these apart), and with a plain Error naming the field when the box is malformed.
 */
export async function unseal(box, passphrase) {
  if (!globalThis.crypto?.subtle) {
    // Web Crypto exists only in secure contexts: https or localhost / 127.0.0.1.
    throw new Error("Web Crypto is not available: open the page over https or on localhost");
  }
  const { iterations, salt, iv, ciphertext } = checked(box);
  // NFC, as seal.py does: "é" typed as one character or as "e" plus an accent gives the same key.
  const material = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(String(passphrase).normalize("NFC")),
    "PBKDF2",
    false,
    ["deriveKey"],
  );
  const key = await crypto.subtle.deriveKey(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    ["decrypt"],
  );
  let plaintext;
  try {
    plaintext = await crypto.subtle.decrypt(
      // The format name as additional data: a box of another format fails the tag check.
      { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(FORMAT), tagLength: TAG_BYTES * 8 },
      key,
      ciphertext,
    );
  } catch {
    // Web Crypto rejects with a bare OperationError when the tag does not match.
    throw new WrongPassphrase();
  }
  return new TextDecoder("utf-8", { fatal: true }).decode(plaintext);
}

// The box's fields, checked and decoded; a plain Error naming the field otherwise.
function checked(box) {
  if (box === null || typeof box !== "object" || Array.isArray(box)) {
    throw new Error("A sealed box is a JSON object");
  }
  for (const [field, expected] of [["format", FORMAT], ["cipher", CIPHER], ["kdf", KDF]]) {
    if (!Object.hasOwn(box, field)) throw new Error(`Sealed box has no field '${field}'`);
    if (box[field] !== expected) {
      throw new Error(`Sealed box field '${field}' is ${JSON.stringify(box[field])}, expected "${expected}"`);
    }
  }
  if (!Object.hasOwn(box, "iterations")) throw new Error("Sealed box has no field 'iterations'");
  const iterations = box.iterations;
  if (!Number.isInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new Error(
      `Sealed box field 'iterations' is ${JSON.stringify(iterations)}, expected ${MIN_ITERATIONS} to ${MAX_ITERATIONS}`,
    );
  }
  const salt = bytes(box, "salt");
  const iv = bytes(box, "iv");
  const ciphertext = bytes(box, "ciphertext");
  if (salt.length !== SALT_BYTES) throw new Error(`Sealed box field 'salt' holds ${salt.length} bytes`);
  if (iv.length !== IV_BYTES) throw new Error(`Sealed box field 'iv' holds ${iv.length} bytes`);
  if (ciphertext.length < TAG_BYTES) throw new Error("Sealed box field 'ciphertext' is shorter than the GCM tag");
  return { iterations, salt, iv, ciphertext };
}

// A Base64 field as bytes.
function bytes(box, field) {
  if (!Object.hasOwn(box, field)) throw new Error(`Sealed box has no field '${field}'`);
  if (typeof box[field] !== "string") throw new Error(`Sealed box field '${field}' is not a Base64 string`);
  let binary;
  try {
    binary = atob(box[field]);
  } catch {
    throw new Error(`Sealed box field '${field}' is not valid Base64`);
  }
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
