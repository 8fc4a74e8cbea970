/**
 * The script tag's file, `dist/cdn/peer-support-widgets.js`: one import of the loader's hashed
 * file beside it (`src/loader.ts`). The element chunks import that hashed file too, never this
 * one, so the tag may carry a query string (`?ver=1.2`) or be renamed, and two copies of the same
 * version on one page share every module.
 */
import './loader.js';
