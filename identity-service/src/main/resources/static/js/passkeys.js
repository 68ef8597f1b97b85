// Passkeys on the identity service's pages: signing in with one (the sign-in page's passkey button) and adding
// or removing one (the passkeys page). Spring Security answers the WebAuthn ceremonies:
//   sign in: POST /webauthn/authenticate/options -> navigator.credentials.get -> POST /login/webauthn
//   add:     POST /webauthn/register/options     -> navigator.credentials.create -> POST /webauthn/register
//   remove:  DELETE /webauthn/register/{credential id}
// The options travel as WebAuthn's JSON form and the browser turns them into its own (parse*OptionsFromJSON),
// the credential goes back as its toJSON(): no base64 code of our own. A file, not inline script, so the pages'
// Content-Security-Policy can forbid inline script.
"use strict";

(() => {
    const SIGN_IN_FAILED = "/login?error";

    const supported = () =>
        typeof window.PublicKeyCredential === "function" &&
        typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function" &&
        typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function";

    // The page's CSRF token, which Spring Security asks for on every POST and DELETE.
    const csrfHeaders = (element) => ({ [element.dataset.csrfHeader]: element.dataset.csrfToken });

    const send = (method, url, headers, body) =>
        fetch(url, {
            method,
            credentials: "same-origin",
            headers: { "Content-Type": "application/json", ...headers },
            body: body === undefined ? undefined : JSON.stringify(body),
        });

    // The person closed the browser's passkey prompt or it timed out: nothing happened, nothing to report.
    const cancelled = (error) => error instanceof DOMException && ["NotAllowedError", "AbortError"].includes(error.name);

    async function signIn(button) {
        const headers = csrfHeaders(button);
        let credential;
        try {
            const options = await send("POST", "/webauthn/authenticate/options", headers);
            if (!options.ok) {
                throw new Error("no passkey options: HTTP " + options.status);
            }
            const publicKey = PublicKeyCredential.parseRequestOptionsFromJSON(await options.json());
            credential = await navigator.credentials.get({ publicKey });
        } catch (error) {
            if (!cancelled(error)) {
                location.assign(SIGN_IN_FAILED);
            }
            return;
        }
        // A refusal is a 401 without a reason; the sign-in page then shows the same text as for a wrong password.
        let result = {};
        try {
            const answer = await send("POST", "/login/webauthn", headers, credential.toJSON());
            result = answer.ok ? await answer.json() : {};
        } finally {
            location.assign(result.authenticated && result.redirectUrl ? result.redirectUrl : SIGN_IN_FAILED);
        }
    }

    async function add(form, headers, problem) {
        const label = form.elements.label.value.trim();
        const options = await send("POST", "/webauthn/register/options", headers);
        if (!options.ok) {
            throw new Error("no registration options: HTTP " + options.status);
        }
        const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(await options.json());
        let credential;
        try {
            credential = await navigator.credentials.create({ publicKey });
        } catch (error) {
            if (cancelled(error)) {
                problem("No passkey was added: the browser's prompt was closed.");
                return;
            }
            throw error;
        }
        const answer = await send("POST", "/webauthn/register", headers, {
            publicKey: { credential: credential.toJSON(), label },
        });
        if (!answer.ok) {
            throw new Error("registration refused: HTTP " + answer.status);
        }
        location.assign("/passkeys?added");
    }

    async function remove(button, headers) {
        const answer = await send(
            "DELETE",
            "/webauthn/register/" + encodeURIComponent(button.dataset.credentialId),
            headers,
        );
        if (!answer.ok) {
            throw new Error("removal refused: HTTP " + answer.status);
        }
        location.assign("/passkeys?removed");
    }

    function wireSignIn(button) {
        if (!supported()) {
            button.disabled = true;
            button.title = "This browser cannot use passkeys.";
            return;
        }
        button.addEventListener("click", () => signIn(button));
    }

    function wireManagement(form) {
        const error = document.getElementById("passkey-error");
        const problem = (text) => {
            error.textContent = text;
            error.hidden = false;
        };
        if (!supported()) {
            form.elements.add.disabled = true;
            problem("This browser cannot create passkeys. Try a current Chrome, Edge, Firefox or Safari.");
            return;
        }
        const headers = csrfHeaders(form);
        const guarded = (action) => async (event) => {
            event.preventDefault();
            error.hidden = true;
            try {
                await action(event);
            } catch (failure) {
                problem("That did not work. Please try again.");
                console.warn("passkey:", failure);
            }
        };
        form.addEventListener(
            "submit",
            guarded(() => add(form, headers, problem)),
        );
        for (const button of document.querySelectorAll("button.passkey-remove")) {
            button.addEventListener(
                "click",
                guarded(() => remove(button, headers)),
            );
        }
    }

    const signInButton = document.getElementById("passkey-sign-in");
    if (signInButton) {
        wireSignIn(signInButton);
    }
    const addForm = document.getElementById("passkey-add");
    if (addForm) {
        wireManagement(addForm);
    }
})();
