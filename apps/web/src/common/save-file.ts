/** Hands a fetched file to the browser as a download under the given name. */
export function saveFile(data: Blob, fileName: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(data);
  link.download = fileName;
  link.click();
  // Revoked a moment later: revoking at once can cancel a download the browser has not yet begun.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
