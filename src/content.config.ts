import { glob } from "astro/loaders";
import { defineCollection, z } from "astro:content";

/**
 * The chapters: one MDX file per section in content/chapters/. The file name
 * is the URL slug. A chapter whose frontmatter does not match this schema
 * fails the build, and Astro's message names the file.
 */
const chapters = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./content/chapters" }),
  schema: z
    .object({
      title: z.string().min(3),
      section: z.string().regex(/^\d+\.\d+$/, 'section must look like "1.1"'),
      summary: z.string().min(10).max(200),
      order: z.number().int().nonnegative(),
    })
    .strict(),
});

export const collections = { chapters };
