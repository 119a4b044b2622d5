import * as h from './helpers.mjs';
const env = await h.launch();
try {
  for (const path of ['/news.html', '/dark.html']) {
    const page = await h.open(env, path);
    const st = await h.waitForScan(env, page);
    await h.hoverMarker(page, 'anonymous');
    await h.waitForTooltip(page, 'Source');
    await page.screenshot({ path: `/tmp/shot${path.replace(/\W/g, '_')}.png` });
    if (path === '/news.html') {
      const popup = await h.openPopup(env, st.tabId);
      await popup.setViewportSize({ width: 380, height: 800 });
      await popup.screenshot({ path: '/tmp/popup.png', fullPage: true });
    }
  }
} finally { await env.close(); }
