import { getCollection, type CollectionEntry } from "astro:content";

/** All chapters in course order. */
export async function chaptersInOrder(): Promise<CollectionEntry<"chapters">[]> {
  const chapters = await getCollection("chapters");
  return chapters.sort((a, b) => a.data.order - b.data.order || a.data.section.localeCompare(b.data.section, "en", { numeric: true }));
}
