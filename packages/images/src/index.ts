export { attachmentDisposition } from './attachment-disposition.js';
export { detectImageFormat } from './detect-image-format.js';
export { deleteImage, getImage } from './generated/sdk.gen.js';
export type {
  DeleteImageData,
  DeleteImageResponse,
  GetImageData,
  GetImageResponse,
  Image,
  ImageFormat,
  ImageTarget,
  ImageTargets,
} from './generated/types.gen.js';
export type { ImageInput } from './image-input.js';
export { imageContentTypes, maximumImageSize } from './image-types.js';
export { type UploadImageOptions, uploadImage } from './upload-image.js';
