import { render } from 'preact';

render(<p>Clean Reader</p>, document.getElementById('app')!);
