package app.rekindle.identity.accounts;

/** What the change-password form posts; a field left out arrives as null and is taken as empty. */
record ChangePasswordForm(String currentPassword, String newPassword, String newPasswordAgain) {

    ChangePasswordForm {
        currentPassword = currentPassword == null ? "" : currentPassword;
        newPassword = newPassword == null ? "" : newPassword;
        newPasswordAgain = newPasswordAgain == null ? "" : newPasswordAgain;
    }
}
