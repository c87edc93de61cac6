import {
  chmodSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from '../errors';
import type { KeyEncryptionKeys } from './key-encryption.port';
import { Keyring, type KeyringContents, newKeyId, newKeyMaterial } from './keyring';

/**
 * KEKs in a local JSON file, readable by its owner only (mode 0600). Created with one key on
 * first start. Writes go through a temporary file and a rename, so an interrupted write never
 * leaves a half-written keyring.
 */
export class LocalFileKeys extends Keyring implements KeyEncryptionKeys {
  readonly canCreateKeys = true;

  private constructor(
    private readonly file: string,
    private contents: KeyringContents,
  ) {
    super(contents);
  }

  get source(): string {
    return `key file ${this.file}`;
  }

  /**
   * Opens the key file, making it with one new key when it does not exist and `mayCreate`
   * says so (the caller knows whether anything was ever wrapped: a new key beside existing data
   * would make that data unreadable, silently). A file that cannot be read names itself.
   */
  static openOrCreate(file: string, mayCreate: () => boolean = () => true): LocalFileKeys {
    if (!existsSync(file)) {
      if (!mayCreate()) {
        throw new InputError(
          `The key file ${file} is missing, but the store holds data wrapped by its keys. Restore the file (or set PLUGBOARD_KEK_FILE to where it is); a new key would leave every secret unreadable.`,
        );
      }
      const id = newKeyId();
      LocalFileKeys.writeIfAbsent(file, { active: id, keys: { [id]: newKeyMaterial() } });
    }
    let contents: KeyringContents;
    try {
      contents = JSON.parse(readFileSync(file, 'utf8')) as KeyringContents;
      return new LocalFileKeys(file, contents);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new InputError(`The key file ${file} cannot be read as a keyring: ${reason}`);
    }
  }

  /**
   * Creates the file only if no other process did meanwhile (replicas sharing a data directory
   * start together): a hard link fails rather than replaces, so exactly one keyring wins and
   * every process reads that one.
   */
  private static writeIfAbsent(file: string, contents: KeyringContents): void {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(contents, null, 2)}\n`, { mode: 0o600 });
    chmodSync(temporary, 0o600);
    try {
      linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(temporary);
    }
  }

  private static write(file: string, contents: KeyringContents): void {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(contents, null, 2)}\n`, { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, file);
  }

  async createActiveKey(): Promise<string> {
    const id = newKeyId();
    const contents = { active: id, keys: { ...this.contents.keys, [id]: newKeyMaterial() } };
    LocalFileKeys.write(this.file, contents);
    this.contents = contents;
    this.load(contents);
    return id;
  }
}
