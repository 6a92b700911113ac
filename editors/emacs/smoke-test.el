;;; smoke-test.el --- Emacs + eglot smoke test of the claimls language server  -*- lexical-binding: t; -*-

;; Usage (see run-smoke.sh):
;;
;;   CLAIMLS_BIN=/path/to/claimls [EXPECT_CODE=C010 [EXPECT_LINE=N]] \
;;     [CLAIMS_FILE=FILE] emacs --batch -Q -l editors/emacs/smoke-test.el [FILE]
;;
;; Opens FILE (or $CLAIMS_FILE) in `claims-mode', starts the server with
;; `eglot-ensure' as a user's hook would, and waits (at most
;; $CLAIMLS_SMOKE_TIMEOUT seconds, default 20) until the server has answered
;; `initialize' and published diagnostics for the file, and Flymake shows
;; them.  With EXPECT_CODE set, some diagnostic must carry that code (its
;; message, which eglot formats as "source [code]: message", contains it),
;; on line EXPECT_LINE when that is set, in the server's diagnostics and in
;; Flymake; without it the file must be clean (no error or warning).  Then it shuts
;; the server down with `eglot-shutdown' and checks that the process exited
;; by itself, with status 0, after the `exit' notification.
;;
;; Exit status: 0 on success, 1 on failure.

;;; Code:

;; Emacs 29+ has eglot built in.  Debian's elpa-eglot (for Emacs 28) is a
;; system package in site-lisp/elpa beside this Emacs's version directory,
;; which -Q takes off the load path: activate the packages there.
(unless (require 'eglot nil t)
  (require 'package)
  (let ((system-elpa (expand-file-name "../../site-lisp/elpa" data-directory)))
    (when (file-directory-p system-elpa)
      (add-to-list 'package-directory-list system-elpa)))
  (package-initialize)
  (require 'eglot))
(require 'flymake)
(require 'cl-lib)
(require 'subr-x)

(defconst smoke--dir (file-name-directory (or load-file-name buffer-file-name)))
(add-to-list 'load-path smoke--dir)
(require 'claims-mode)

(defun smoke--log (fmt &rest args)
  (princ (concat "smoke: " (apply #'format fmt args) "\n")))

(defvar smoke--server nil "The eglot server, once there is one.")

(defun smoke--dump-events ()
  "Print the end of the eglot events buffer, to see what went wrong."
  (ignore-errors
    (let ((buf (and smoke--server (jsonrpc-events-buffer smoke--server))))
      (when (buffer-live-p buf)
        (with-current-buffer buf
          (smoke--log "last LSP events:\n%s"
                      (buffer-substring-no-properties
                       (max (point-min) (- (point-max) 2500)) (point-max))))))))

(defun smoke--dump-stderr ()
  "Print what the server wrote to stderr (eglot keeps it in a buffer)."
  (dolist (buf (buffer-list))
    (when (string-match-p "stderr" (buffer-name buf))
      (with-current-buffer buf
        (smoke--log "%s:\n%s" (buffer-name buf)
                    (buffer-substring-no-properties
                     (max (point-min) (- (point-max) 2500)) (point-max)))))))

(defun smoke--fail (fmt &rest args)
  (smoke--log "FAIL: %s" (apply #'format fmt args))
  (smoke--dump-events)
  (smoke--dump-stderr)
  (ignore-errors
    (when (and smoke--server (jsonrpc-running-p smoke--server))
      (delete-process (jsonrpc--process smoke--server))))
  (princ "0 passed, 1 failed\n")
  (kill-emacs 1))

(defun smoke--env (name &optional default)
  (let ((v (getenv name)))
    (if (and v (not (string-empty-p v))) v default)))

;;;; Inputs

(defvar smoke--bin (smoke--env "CLAIMLS_BIN"))
(defvar smoke--file (or (pop command-line-args-left) (smoke--env "CLAIMS_FILE")))
(defvar smoke--expect (smoke--env "EXPECT_CODE"))
(defvar smoke--expect-line (let ((l (smoke--env "EXPECT_LINE"))) (and l (string-to-number l))))
(defvar smoke--timeout (string-to-number (smoke--env "CLAIMLS_SMOKE_TIMEOUT" "20")))
;; Nothing else on the command line is for Emacs to visit.
(setq command-line-args-left nil)

(unless smoke--bin (smoke--fail "set CLAIMLS_BIN to the claimls binary"))
(setq smoke--bin (expand-file-name smoke--bin))
(unless (file-executable-p smoke--bin) (smoke--fail "%s is not executable" smoke--bin))
(unless smoke--file (smoke--fail "give a .claims file as argument or in CLAIMS_FILE"))
(setq smoke--file (expand-file-name smoke--file))
(unless (file-readable-p smoke--file) (smoke--fail "cannot read %s" smoke--file))

(smoke--log "emacs %s, eglot from %s" emacs-version (locate-library "eglot"))
(smoke--log "server: %s lsp" smoke--bin)
(smoke--log "file: %s" smoke--file)
(smoke--log "expect: %s%s" (or smoke--expect "clean (no errors or warnings)")
           (if (and smoke--expect smoke--expect-line) (format " on line %d" smoke--expect-line) ""))

;; The server command, exactly as editors/README.md tells users, with the
;; binary from CLAIMLS_BIN.
(setq eglot-server-programs `((claims-mode ,smoke--bin "lsp")))
(setq eglot-sync-connect 3)

;;;; Recording what the server sends

(defvar smoke--published nil "Diagnostics lists received, newest first: (URI . DIAGNOSTICS).")

(defun smoke--on-notification (_server method &rest params)
  (when (eq method 'textDocument/publishDiagnostics)
    (push (cons (plist-get params :uri) (plist-get params :diagnostics)) smoke--published)))
(advice-add 'eglot-handle-notification :after #'smoke--on-notification)

(defvar smoke--exit nil "How the server process ended: (STATUS CODE SELF-EXITED).")

(defun smoke--before-jsonrpc-shutdown (conn &rest _)
  "Give the server time to exit by itself before jsonrpc.el kills it."
  (let ((proc (jsonrpc--process conn))
        (deadline (+ (float-time) 5)))
    (while (and (process-live-p proc) (< (float-time) deadline))
      (accept-process-output proc 0.05))
    (setq smoke--exit (list (process-status proc)
                            (process-exit-status proc)
                            (not (process-live-p proc))))))
(advice-add 'jsonrpc-shutdown :before #'smoke--before-jsonrpc-shutdown)

;;;; The run

(defun smoke--wait (what pred)
  "Wait until PRED returns non-nil; fail after `smoke--timeout' seconds."
  (let ((deadline (+ (float-time) smoke--timeout)) result)
    (while (and (not (setq result (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    (or result (smoke--fail "timed out after %ss waiting for %s" smoke--timeout what))))

(defun smoke--uri-matches-p (uri)
  (ignore-errors
    (string= (file-truename (eglot--uri-to-path uri)) (file-truename smoke--file))))

(defun smoke--diagnostics-for-file ()
  "The newest diagnostics published for the file, as (t . LIST) or nil."
  (cl-loop for (uri . diags) in smoke--published
           when (smoke--uri-matches-p uri) return (cons t (append diags nil))))

(defun smoke--diag-text (d)
  (format "%s %s" (or (plist-get d :code) "") (plist-get d :message)))

(defun smoke--run ()
  "Open the file, start eglot, check the diagnostics, shut down."
  (find-file smoke--file)
  (unless (eq major-mode 'claims-mode)
    (smoke--fail "%s opened in %s, not claims-mode" smoke--file major-mode))

  (eglot-ensure)
  ;; `eglot-ensure' connects from `post-command-hook', which batch mode never
  ;; runs; run it once, as the command loop would after opening the file.
  (run-hooks 'post-command-hook)

  (smoke--wait "the server to answer initialize"
               (lambda () (and (setq smoke--server (eglot-current-server))
                               eglot--managed-mode)))
  (smoke--log "initialized: %S" (ignore-errors (eglot--server-info smoke--server)))

  (let* ((published (cdr (smoke--wait "diagnostics for the file" #'smoke--diagnostics-for-file)))
         (serious (cl-remove-if-not (lambda (d) (memq (or (plist-get d :severity) 1) '(1 2))) published)))
    (smoke--log "the server published %d diagnostic(s)" (length published))
    (dolist (d published)
      (let ((start (plist-get (plist-get d :range) :start)))
        (smoke--log "  %d:%d severity %s %s"
                    (1+ (plist-get start :line)) (1+ (plist-get start :character))
                    (plist-get d :severity) (smoke--diag-text d))))

    ;; Flymake, as the user sees them.  Start it (a command loop would) until
    ;; eglot's diagnostics have reached it.
    (when published
      (smoke--wait "Flymake to show the diagnostics"
                   (lambda ()
                     (or (flymake-diagnostics)
                         (progn (flymake-start) nil)))))
    (let ((shown (flymake-diagnostics)))
      (smoke--log "Flymake shows %d diagnostic(s)" (length shown))
      (dolist (d shown)
        (smoke--log "  line %d: %s %s"
                    (line-number-at-pos (flymake-diagnostic-beg d))
                    (flymake-diagnostic-type d) (flymake-diagnostic-text d)))
      (cond
       (smoke--expect
        (unless (cl-some (lambda (d)
                           (and (string-match-p (regexp-quote smoke--expect) (smoke--diag-text d))
                                (or (not smoke--expect-line)
                                    (= smoke--expect-line
                                       (1+ (plist-get (plist-get (plist-get d :range) :start) :line))))))
                         published)
          (smoke--fail "no diagnostic from the server carries %s%s" smoke--expect
                       (if smoke--expect-line (format " on line %d" smoke--expect-line) "")))
        (unless (cl-some (lambda (d)
                           (and (string-match-p (regexp-quote smoke--expect) (flymake-diagnostic-text d))
                                (or (not smoke--expect-line)
                                    (= smoke--expect-line (line-number-at-pos (flymake-diagnostic-beg d))))))
                         shown)
          (smoke--fail "no Flymake diagnostic message contains %s%s" smoke--expect
                       (if smoke--expect-line (format " on line %d" smoke--expect-line) ""))))
       (serious
        (smoke--fail "expected a clean file, got %d error(s)/warning(s)" (length serious))))))

  ;; Clean shutdown: shutdown request, exit notification, the process ends.
  (let ((proc (jsonrpc--process smoke--server)))
    (eglot-shutdown smoke--server)
    (smoke--wait "the server process to end" (lambda () (not (process-live-p proc))))
    (pcase smoke--exit
      (`(exit 0 t) (smoke--log "the server exited by itself with status 0"))
      (`(,status ,code ,self)
       (smoke--fail "the server did not exit cleanly after exit: status %s, code %s%s"
                    status code (if self "" " (it had to be killed)")))
      (_ (smoke--fail "jsonrpc-shutdown was never called")))))

(condition-case err
    (smoke--run)
  (error (smoke--fail "%s" (error-message-string err))))

(smoke--log "OK")
(princ "1 passed, 0 failed\n")
(kill-emacs 0)

;;; smoke-test.el ends here
