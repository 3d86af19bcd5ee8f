import { file, glob } from "astro/loaders";
import { defineCollection, z } from "astro:content";

/**
 * One graded part of the answer sheet, as the chapter that treats it judges
 * it. The verdict page and the chapter's own <Verdict> box both read this, so
 * they cannot disagree; `anchor` is the heading (or figure) of the chapter that
 * shows the computation, and a dangling one fails the build's link check.
 */
const answerSheetEntry = z
  .object({
    part: z.string().regex(/^\d+\.\d+\.\d+$/, 'part must look like "1.1.2"'),
    says: z.string().min(10),
    verdict: z.enum(["right", "loose", "wrong", "missing"]),
    why: z.string().min(10),
    anchor: z.string().regex(/^[a-z0-9-]+$/, "anchor must be an element id of the chapter"),
  })
  .strict();

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
      answerSheet: z.array(answerSheetEntry).default([]),
    })
    .strict(),
});

/** The sources the course cites (content/references.yaml); chapters cite them by id with <Cite>. */
const references = defineCollection({
  loader: file("./content/references.yaml"),
  schema: z
    .object({
      id: z.string().regex(/^[a-z0-9]+$/),
      authors: z.array(z.string()).min(1),
      title: z.string(),
      venue: z.string(),
      year: z.number().int(),
      arxiv: z
        .string()
        .regex(/^\d{4}\.\d{4,5}$/)
        .optional(),
      url: z.string().url().optional(),
    })
    .strict(),
});

export const collections = { chapters, references };
