package app.rekindle.identity.accounts;

/** What the sign-up form posts; a field left out arrives as null and is taken as empty. */
record SignUpForm(String username, String password, String passwordAgain) {

    SignUpForm {
        username = username == null ? "" : username.trim();
        password = password == null ? "" : password;
        passwordAgain = passwordAgain == null ? "" : passwordAgain;
    }
}
