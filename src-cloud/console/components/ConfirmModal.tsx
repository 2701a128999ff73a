// The assistant's pages still import from here; the component itself is the one both UIs share.
export { ConfirmModal } from '../../../src-ui/components/ConfirmModal';
