// Keeps the build cache (rendered Markdown, formatted citations, preview cards: everything
// astro.config.mjs puts in cacheDir) between Netlify builds, with Netlify's own cache utility,
// so a build after a one-article edit is warm. Restored after dependencies are installed.
const CACHE = 'node_modules/.astro';

export const onPreBuild = async ({ utils }) => {
  console.log((await utils.cache.restore(CACHE)) ? `Restored ${CACHE}` : `No ${CACHE} cached yet`);
};

export const onPostBuild = async ({ utils }) => {
  console.log((await utils.cache.save(CACHE)) ? `Saved ${CACHE}` : `No ${CACHE} to save`);
};
