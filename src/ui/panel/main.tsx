import { render } from 'preact';
import { App } from './App';
import '../shared/base.css';

render(<App />, document.getElementById('app')!);
