// Runs inline in <head>: the saved choice wins, else the system preference.
export const THEME_STORAGE_KEY = 'kafka-roadmap-theme';

export const themeInitScript = `(function(){try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');var d=t==='dark'||(t!=='light'&&window.matchMedia('(prefers-color-scheme: dark)').matches);document.documentElement.classList.toggle('dark',d);if(localStorage.getItem('kafka-roadmap-large')==='1')document.documentElement.classList.add('large-mode');}catch(e){}})();`;
