import { render } from 'preact';
import '@fontsource-variable/literata/wght.css';
import '@fontsource-variable/literata/wght-italic.css';
import '../popup/style.css';
import { OptionsPage } from '@/components/reading/OptionsPage';

// The settings page (the browser's "Options" for Clean Reader): the reader's own settings panel, with a
// sample paragraph that shows each change. The reader's panel and this page share one stored item.
document.documentElement.classList.add('in-tab');
render(<OptionsPage />, document.getElementById('app')!);
