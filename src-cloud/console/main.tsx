import { mount } from '../../src-ui/mount';
import './styles.css';
import './i18n';
import { App } from './App';

mount(App);
