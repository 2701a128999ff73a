import { Modal, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ROLES, userCreateInput, userUpdateInput, type Role, type UserRow } from '../../../src-shared/schemas/auth';
import type { ApiError } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { notifyError, notifySuccess } from '../../components/notify';
import { applyServerIssues, zodValidator } from '../../forms/validation';
import { requiredMark } from '../../forms/requiredMark';
import { PasswordField } from '../../components/PasswordField';
import { FormActions } from '../../../src-ui/components/FormActions';

interface Props {
  opened: boolean;
  user: UserRow | null;
  onClose: () => void;
}

export function UserFormModal({ opened, user, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={user ? t('users.editTitle') : t('users.addTitle')} size="md">
      <UserForm user={user} onClose={onClose} />
    </Modal>
  );
}

interface Values {
  name: string;
  username: string;
  password: string;
  role: Role;
  active: boolean;
}

const createValidator = zodValidator<Values>(userCreateInput, ({ name, username, password, role }) => ({ name, username, password, role }));
const updateValidator = zodValidator<Values>(userUpdateInput, ({ name, password, role, active }) => ({
  id: 'pending',
  name,
  role,
  active,
  password: password || undefined,
}));

function UserForm({ user, onClose }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    initialValues: { name: user?.name ?? '', username: user?.username ?? '', password: '', role: user?.role ?? 'staff', active: user?.active ?? true },
    validate: user ? updateValidator : createValidator,
    validateInputOnBlur: true,
  });
  const options = {
    invalidates: ['users'],
    silent: true,
    onSuccess: (saved: UserRow) => {
      notifySuccess(t(user ? 'users.updated' : 'users.created', { name: saved.name }));
      onClose();
    },
    onError: (error: ApiError) => {
      applyServerIssues(form, error);
      notifyError(error);
    },
  };
  const create = useApiMutation('users.create', options);
  const update = useApiMutation('users.update', options);
  const saving = create.isPending || update.isPending;
  const roles = ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));

  const save = ({ name, username, password, role, active }: Values) => {
    if (user) update.mutate({ id: user.id, name, role, active, password: password || undefined });
    else create.mutate({ name, username, password, role });
  };

  return (
    <form onSubmit={form.onSubmit(save)} noValidate>
      <Stack gap="md">
        <TextInput label={t('users.name')} {...requiredMark} data-autofocus {...form.getInputProps('name')} />
        <TextInput label={t('users.username')} {...requiredMark} disabled={Boolean(user)} autoComplete="off" {...form.getInputProps('username')} />
        <Select label={t('users.role')} data={roles} allowDeselect={false} {...form.getInputProps('role')} />
        <PasswordField
          label={user ? t('users.newPassword') : t('users.password')}
          description={user ? t('users.newPasswordHint') : t('setup.passwordHint')}
          {...(user ? {} : requiredMark)}
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        {user && <Switch label={t('users.active')} {...form.getInputProps('active', { type: 'checkbox' })} />}
        <FormActions loading={saving} onCancel={onClose} cancelDisabled={saving} testId="user-save" />
      </Stack>
    </form>
  );
}
