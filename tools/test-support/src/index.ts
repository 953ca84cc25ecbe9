export { type EmulatorSession, startEmulatorSession } from './emulator-session.js';
