import { mount } from '../src-ui/mount';
import '@mantine/dates/styles.css';
import './styles.css';
import './i18n';
import { App } from './App';

mount(App);
