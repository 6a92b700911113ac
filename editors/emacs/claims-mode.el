;;; claims-mode.el --- Major mode for claim annotation files (claimls)  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1"))
;; Keywords: languages
;; SPDX-License-Identifier: MIT OR Apache-2.0

;;; Commentary:

;; `claims-mode' edits `.claims' files: hand-written annotations of who said
;; what in a news article, checked by the claimls language server.
;;
;; It highlights the same constructs as the VS Code grammar and the Neovim
;; syntax file (comments, `actor'/`claim' blocks, claim ids, field names,
;; quotes with their continuation lines and ` ... ' elisions, stance values),
;; treats full lines starting with `#' as comments, and lists actors and
;; claims in imenu and outline-minor-mode.
;;
;; With eglot (built into Emacs 29+, `elpa-eglot' on Debian):
;;
;;   (add-to-list 'load-path "/path/to/claimls/editors/emacs")
;;   (require 'claims-mode)
;;   (with-eval-after-load 'eglot
;;     (add-to-list 'eglot-server-programs '(claims-mode "claimls" "lsp")))
;;   (add-hook 'claims-mode-hook #'eglot-ensure)
;;
;; The format is described in docs/format.md of the claimls repository.

;;; Code:

(defgroup claims nil
  "Editing claim annotation files."
  :group 'languages
  :prefix "claims-")

(defconst claims-stances
  '("asserts" "denies" "accuses" "concerns" "condemns" "questions" "predicts" "promises")
  "The default stance vocabulary.")

(defconst claims-kinds
  '("person" "outlet" "government" "organization" "group" "anonymous")
  "The actor kinds.")

(defconst claims--block-head-re "^\\(actor\\|claim\\)\\(?:[ \t]\\|$\\)"
  "A block head at column 0.")

(defconst claims--field-re "^\\([ \t]*\\)\\([a-z][a-z0-9-]*\\):"
  "A `key:' line (column 0 for header fields, indented in blocks).")

(defvar claims-mode-syntax-table
  (let ((st (make-syntax-table)))
    ;; `#' starts a comment only at the start of a line (see
    ;; `claims-syntax-propertize'); elsewhere it is part of a value.
    (modify-syntax-entry ?# "." st)
    (modify-syntax-entry ?\n ">" st)
    (modify-syntax-entry ?- "_" st)
    (modify-syntax-entry ?\" "." st)
    (modify-syntax-entry ?' "." st)
    st)
  "Syntax table for `claims-mode'.")

(defconst claims-syntax-propertize
  (syntax-propertize-rules
   ("^[ \t]*\\(#\\)" (1 "<")))
  "Marks full-line comments: `#' as the first non-blank character.")

;;;; Lines

(defun claims--line-indent ()
  "Indentation of the current line, counting a tab as one character."
  (save-excursion
    (beginning-of-line)
    (skip-chars-forward " \t")
    (- (point) (line-beginning-position))))

(defun claims--ignorable-line-p ()
  "Non-nil if the current line is blank or a comment."
  (save-excursion
    (beginning-of-line)
    (looking-at-p "[ \t]*\\(?:#\\|$\\)")))

(defun claims--parent-line ()
  "Move to the line that the current (indented) line hangs from.
That is the nearest line above with a smaller indentation, going over
lines that are not blank or comments.  Return non-nil if there is one,
nil (leaving point unspecified) when a blank or comment line or the
start of the buffer comes first."
  (let ((indent (claims--line-indent))
        found done)
    (while (and (not done) (zerop (forward-line -1)))
      (cond ((claims--ignorable-line-p) (setq done t))
            ((< (claims--line-indent) indent) (setq found t done t))))
    found))

(defun claims--continuation-line-p ()
  "Non-nil if the current line continues the value of a field above it."
  (save-excursion
    (and (> (claims--line-indent) 0)
         (not (claims--ignorable-line-p))
         (claims--parent-line)
         ;; Hanging from a block head makes it a field; from a field or a
         ;; continuation, a continuation.
         (progn (beginning-of-line)
                (not (looking-at-p claims--block-head-re)))
         (or (> (claims--line-indent) 0)
             (looking-at-p claims--field-re)))))

(defun claims--field-line-p ()
  "Non-nil if the current line is a `key:' field line (not a continuation)."
  (save-excursion
    (beginning-of-line)
    (and (looking-at-p claims--field-re)
         (not (claims--continuation-line-p)))))

(defun claims--owning-field ()
  "Name of the field whose value the current line is part of, or nil."
  (save-excursion
    (let (name done)
      (while (not done)
        (beginning-of-line)
        (cond ((claims--field-line-p)
               (looking-at claims--field-re)
               (setq name (match-string-no-properties 2) done t))
              ((and (claims--continuation-line-p) (claims--parent-line)))
              (t (setq done t))))
      name)))

;;;; Font lock

(defun claims--make-matcher (predicate regexp &optional group)
  "A font-lock matcher for REGEXP on lines where PREDICATE holds.
PREDICATE is called at the start of the line of each match.  GROUP, if
given, is the subexpression that must be non-empty."
  (lambda (limit)
    (let (found)
      (while (and (not found) (re-search-forward regexp limit t))
        (let ((md (match-data)))
          (when (and (or (null group) (match-beginning group))
                     (save-excursion (goto-char (match-beginning 0))
                                     (save-match-data (funcall predicate))))
            (set-match-data md)
            (setq found t))))
      found)))

(defun claims--in-field-p (&rest names)
  "A predicate: the current line is part of a field named in NAMES."
  (lambda () (member (claims--owning-field) names)))

(defun claims--match-quote-text (limit)
  "Font-lock matcher for the text of `quote:' values, searching up to LIMIT.
Matches the value part of one line (a `quote:' line or a continuation
line of one) and leaves point at the start of the next line."
  (let (found)
    (while (and (not found) (< (point) limit))
      (let ((bol (line-beginning-position))
            (eol (line-end-position)))
        (goto-char bol)
        (when (and (not (claims--ignorable-line-p))
                   (equal (claims--owning-field) "quote"))
          (let ((start (if (claims--field-line-p)
                           (progn (looking-at "[ \t]*quote:[ \t]*") (match-end 0))
                         (+ bol (claims--line-indent)))))
            (when (< start eol)
              (set-match-data (list start eol))
              (setq found t))))
        (goto-char (if (>= eol (point-max)) (point-max) (1+ eol)))))
    found))

(defconst claims-font-lock-keywords
  `(;; actor NAME
    ("^\\(actor\\)\\(?:[ \t]+\\(.*?\\)\\)?[ \t]*$"
     (1 font-lock-keyword-face)
     (2 font-lock-type-face nil t))
    ;; claim ID (anything else after `claim' is an error)
    ("^\\(claim\\)\\(?:[ \t]+\\(?:\\([a-z0-9][a-z0-9-]*\\)[ \t]*$\\|\\(.+\\)\\)\\|[ \t]*$\\)"
     (1 font-lock-keyword-face)
     (2 font-lock-function-name-face nil t)
     (3 font-lock-warning-face nil t))
    ;; quote text, first and continuation lines
    (claims--match-quote-text (0 font-lock-string-face))
    ;; field names
    (,(claims--make-matcher #'claims--field-line-p claims--field-re)
     (2 font-lock-variable-name-face))
    ;; elisions inside quotes
    (,(claims--make-matcher (claims--in-field-p "quote")
                            "\\(?:^\\|[ \t]\\)\\(\\.\\.\\.\\|…\\)\\(?:[ \t]\\|$\\)")
     (1 font-lock-builtin-face t))
    ;; stance values
    (,(claims--make-matcher (claims--in-field-p "stance")
                            (concat "\\_<" (regexp-opt claims-stances t) "\\_>"))
     (1 font-lock-constant-face))
    ;; actor kinds
    (,(claims--make-matcher (claims--in-field-p "kind")
                            (concat "\\_<" (regexp-opt claims-kinds t) "\\_>"))
     (1 font-lock-constant-face))
    ;; claim ids in relations
    (,(claims--make-matcher (claims--in-field-p "disputes" "supports" "responds-to")
                            "\\(?:^[ \t]*[a-z-]+:\\|,\\|^\\)[ \t]*\\([a-z0-9][a-z0-9-]*\\)")
     (1 font-lock-function-name-face))
    ;; actor names in source/via/aka/publisher
    (,(claims--make-matcher (claims--in-field-p "source" "via" "aka" "publisher")
                            "\\(?:^[ \t]*[a-z-]+:\\|,\\|^\\)[ \t]*\\([^, \t\n]\\(?:[^,\n]*[^, \t\n]\\)?\\)")
     (1 font-lock-type-face))
    ;; dates
    (,(claims--make-matcher (claims--in-field-p "date")
                            "\\<[0-9]\\{4\\}-[0-9]\\{2\\}-[0-9]\\{2\\}\\>")
     (0 font-lock-constant-face)))
  "Highlighting for `claims-mode'.")

;;;; Imenu and outline

(defvar claims-imenu-generic-expression
  '(("Actors" "^actor[ \t]+\\(.+?\\)[ \t]*$" 1)
    ("Claims" "^claim[ \t]+\\([a-z0-9][a-z0-9-]*\\)" 1))
  "Imenu entries: the actors and the claims.")

;;;###autoload
(define-derived-mode claims-mode prog-mode "Claims"
  "Major mode for claim annotation files checked by claimls.

Full lines starting with `#' are comments; `actor NAME' and `claim ID'
start blocks whose fields are indented; a line indented deeper than its
field continues the value.

\\{claims-mode-map}"
  :syntax-table claims-mode-syntax-table
  (setq-local comment-start "# ")
  (setq-local comment-end "")
  (setq-local comment-start-skip "^[ \t]*#+[ \t]*")
  (setq-local comment-use-syntax t)
  (setq-local syntax-propertize-function claims-syntax-propertize)
  (setq-local font-lock-defaults '(claims-font-lock-keywords nil nil))
  (setq-local indent-tabs-mode nil)
  (setq-local tab-width 2)
  (setq-local indent-line-function #'indent-relative)
  (setq-local imenu-generic-expression claims-imenu-generic-expression)
  (setq-local outline-regexp "\\(?:actor\\|claim\\)\\(?:[ \t]\\|$\\)")
  (setq-local outline-level (lambda () 1)))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.claims\\'" . claims-mode))

(with-eval-after-load 'eglot
  (defvar eglot-server-programs)
  (add-to-list 'eglot-server-programs '(claims-mode "claimls" "lsp")))

(provide 'claims-mode)
;;; claims-mode.el ends here
