;;; claims-mode-test.el --- Tests for claims-mode  -*- lexical-binding: t; -*-

;; Run: emacs --batch -Q -L editors/emacs -l claims-mode-test.el -f ert-run-tests-batch-and-exit

;;; Code:

(require 'ert)
(require 'claims-mode)

(defconst claims-test--dir
  (file-name-directory (or load-file-name buffer-file-name)))

(defconst claims-test--fixture
  (expand-file-name "../vscode/test/fixtures/sample.claims" claims-test--dir))

(defun claims-test--face-at (needle &optional offset)
  "Face at the first occurrence of NEEDLE (+ OFFSET) in the current buffer."
  (save-excursion
    (goto-char (point-min))
    (unless (search-forward needle nil t)
      (error "Not in buffer: %s" needle))
    (let ((face (get-text-property (+ (match-beginning 0) (or offset 0)) 'face)))
      (if (listp face) (car face) face))))

(defmacro claims-test--with-text (text &rest body)
  "Run BODY in a `claims-mode' buffer holding TEXT, fontified."
  (declare (indent 1))
  `(with-temp-buffer
     (insert ,text)
     (claims-mode)
     (font-lock-ensure)
     ,@body))

(ert-deftest claims-mode-auto-mode ()
  (let ((buf (find-file-noselect claims-test--fixture)))
    (unwind-protect
        (with-current-buffer buf
          (should (eq major-mode 'claims-mode)))
      (kill-buffer buf))))

(ert-deftest claims-mode-fixture-faces ()
  (claims-test--with-text
      (with-temp-buffer (insert-file-contents claims-test--fixture) (buffer-string))
    (should (eq (claims-test--face-at "# Sample" 2) 'font-lock-comment-face))
    (should (eq (claims-test--face-at "article:") 'font-lock-variable-name-face))
    (should (eq (claims-test--face-at "2020-10-02") 'font-lock-constant-face))
    (should (eq (claims-test--face-at "actor Russian") 'font-lock-keyword-face))
    (should (eq (claims-test--face-at "Russian Foreign Ministry") 'font-lock-type-face))
    (should (eq (claims-test--face-at "aka:") 'font-lock-variable-name-face))
    (should (eq (claims-test--face-at "Moscow, Russia") 'font-lock-type-face))
    (should (eq (claims-test--face-at "government") 'font-lock-constant-face))
    (should (eq (claims-test--face-at "claim moscow") 'font-lock-keyword-face))
    (should (eq (claims-test--face-at "moscow-concern") 'font-lock-function-name-face))
    (should (eq (claims-test--face-at "quote: Moscow") 'font-lock-variable-name-face))
    (should (eq (claims-test--face-at "Moscow was concerned") 'font-lock-string-face))
    (should (eq (claims-test--face-at "Nagorno-Karabakh conflict zone") 'font-lock-string-face))
    (should (eq (claims-test--face-at " ... " 1) 'font-lock-builtin-face))
    (should (eq (claims-test--face-at " … " 1) 'font-lock-builtin-face))
    (should (eq (claims-test--face-at "concerns\n") 'font-lock-constant-face))
    (should (eq (claims-test--face-at "disputes:") 'font-lock-variable-name-face))
    (should (eq (claims-test--face-at "armenian-accusation\n") 'font-lock-function-name-face))
    (should (eq (claims-test--face-at "# the Armenian" 3) 'font-lock-comment-face))
    (should (null (claims-test--face-at "Wednesday statement")))))

(ert-deftest claims-mode-format-edge-cases ()
  (claims-test--with-text
      (concat "claim c1\n"
              "  note: see #MeToo here\n"
              "    more: text\n"
              "  quote: first line\n"
              "    # a deeper comment ends the quote\n"
              "    not a continuation any more\n"
              "claimx no\n"
              "claim Bad_Id\n")
    ;; `#' inside a value is text, not a comment.
    (should-not (eq (claims-test--face-at "#MeToo") 'font-lock-comment-face))
    ;; A deeper `key:' line continues the value.
    (should-not (eq (claims-test--face-at "more:") 'font-lock-variable-name-face))
    (should (eq (claims-test--face-at "first line") 'font-lock-string-face))
    (should (eq (claims-test--face-at "# a deeper" 3) 'font-lock-comment-face))
    (should-not (eq (claims-test--face-at "not a continuation") 'font-lock-string-face))
    (should-not (eq (claims-test--face-at "claimx") 'font-lock-keyword-face))
    (should (eq (claims-test--face-at "Bad_Id") 'font-lock-warning-face))))

(ert-deftest claims-mode-comments ()
  (claims-test--with-text "claim c1\n  stance: asserts\n"
    (should (equal comment-start "# "))
    (goto-char (point-min))
    (forward-line 1)
    (comment-line 1)
    (should (equal (buffer-substring (line-beginning-position 0) (line-end-position 0))
                   "  # stance: asserts"))
    (forward-line -1)
    (comment-line 1)
    (should (equal (buffer-substring (line-beginning-position 0) (line-end-position 0))
                   "  stance: asserts"))))

(ert-deftest claims-mode-imenu ()
  (require 'imenu)
  (claims-test--with-text
      (with-temp-buffer (insert-file-contents claims-test--fixture) (buffer-string))
    (let ((index (imenu--generic-function imenu-generic-expression)))
      (should (member "moscow-concern" (mapcar #'car (cdr (assoc "Claims" index)))))
      (should (member "Baku" (mapcar #'car (cdr (assoc "Actors" index))))))))

(ert-deftest claims-mode-eglot-server-program ()
  ;; Emacs 29+ has eglot built in; Debian's elpa-eglot is in site-lisp/elpa.
  (unless (require 'eglot nil t)
    (require 'package)
    (let ((system-elpa (expand-file-name "../../site-lisp/elpa" data-directory)))
      (when (file-directory-p system-elpa)
        (add-to-list 'package-directory-list system-elpa)))
    (package-initialize)
    (require 'eglot nil t))
  (skip-unless (featurep 'eglot))
  (should (equal (cdr (assoc 'claims-mode eglot-server-programs)) '("claimls" "lsp"))))

(provide 'claims-mode-test)
;;; claims-mode-test.el ends here
