import { describe, expect, it } from 'vitest';
import { gifImage, jpegImage, pngImage } from '../test/fixtures/sample-images.js';
import { detectImageFormat } from './detect-image-format.js';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('detectImageFormat', () => {
  it('recognises PNG, JPEG and both GIF versions by their first bytes', () => {
    expect(detectImageFormat(pngImage(3, 2))).toBe('png');
    expect(detectImageFormat(jpegImage(3, 2))).toBe('jpg');
    expect(detectImageFormat(gifImage(3, 2))).toBe('gif');
    expect(detectImageFormat(ascii('GIF87a\x01\x00\x01\x00'))).toBe('gif');
  });

  it('needs only the signature, not the rest of the file', () => {
    expect(detectImageFormat(pngImage(1, 1).subarray(0, 8))).toBe('png');
    expect(detectImageFormat(Uint8Array.of(0xff, 0xd8, 0xff))).toBe('jpg');
  });

  it('refuses everything else, including truncated signatures and look-alikes', () => {
    expect(detectImageFormat(new Uint8Array())).toBeUndefined();
    expect(detectImageFormat(pngImage(1, 1).subarray(0, 7))).toBeUndefined();
    expect(detectImageFormat(Uint8Array.of(0xff, 0xd8))).toBeUndefined();
    expect(detectImageFormat(ascii('GIF88a'))).toBeUndefined();
    expect(detectImageFormat(ascii('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(detectImageFormat(ascii('RIFF\0\0\0\0WEBPVP8 '))).toBeUndefined();
    expect(detectImageFormat(ascii('%PDF-1.7'))).toBeUndefined();
    expect(detectImageFormat(ascii('{"not":"an image"}'))).toBeUndefined();
  });

  it('reads a view at its own offset', () => {
    const buffer = new Uint8Array(16);
    buffer.set(pngImage(1, 1).subarray(0, 8), 4);
    expect(detectImageFormat(buffer.subarray(4))).toBe('png');
    expect(detectImageFormat(buffer)).toBeUndefined();
  });
});
