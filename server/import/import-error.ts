/** A file an importer cannot read, with the reason (and, for XML, the line): nothing is written. */
export class ImportFormatError extends Error {
  override name = 'ImportFormatError';
}
