export { attachmentDisposition } from './attachment-disposition.js';
export { detectImageFormat } from './detect-image-format.js';
// createImage is left out on purpose: uploadImage is its checked form.
export { deleteImage, getImage } from './generated/sdk.gen.js';
export type {
  DeleteImageData,
  DeleteImageResponse,
  DeleteImageResponses,
  ErrorBody,
  ErrorCode,
  ErrorDetail,
  ErrorDetailCode,
  ErrorInnerError,
  GetImageData,
  GetImageResponse,
  GetImageResponses,
  Image,
  ImageFormat,
  ImageTarget,
  ImageTargets,
  Link,
  ResourceReference,
} from './generated/types.gen.js';
export type { ImageInput } from './image-input.js';
export { imageContentTypes, maximumImageSize } from './image-types.js';
export { type UploadImageOptions, uploadImage } from './upload-image.js';
