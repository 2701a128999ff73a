// The assistant's pages still import from here; the component itself is the one both UIs share.
export { StatCard } from '../../../src-ui/components/StatCard';
