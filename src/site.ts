/** Site-wide names, in one place. */
export const SITE_TITLE = "Depth & Context";
export const SITE_TAGLINE = "Gradients through depth, context through pixels";
