;;; check.el --- end to end with Emacs + eglot, after the snippet of docs/editors.md  -*- lexical-binding: t; -*-
;; Run by scripts/e2e-emacs: emacs --batch -l SNIPPET.el -l check.el FILE.irqdsl
;; Checks: the file opens in irqdsl-mode, eglot connects to `irqdsl lsp', Flymake gets the warning
;; [unmaskable-without-parent-mask], completion after `supported ' offers MSI_FLAG_PCI_MSIX and no
;; DOMAIN_BUS_*, ElDoc's hover on MSI_FLAG_PCI_MSIX gives its meaning. Exit status 1 on a failure.
(require 'eglot)
(require 'seq)
(defvar irqdsl-e2e-failures 0)
(defun irqdsl-e2e-check (ok what)
  (message "%s %s" (if ok "✓" "✖") what)
  (unless ok (setq irqdsl-e2e-failures (1+ irqdsl-e2e-failures))))
(defun irqdsl-e2e-wait (pred seconds)
  (let ((deadline (+ (float-time) seconds)) v)
    (while (and (not (setq v (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    v))

(let ((file (car (last command-line-args-left))))
  (setq command-line-args-left nil)
  (condition-case err
      (progn
        (find-file file)
        (irqdsl-e2e-check (eq major-mode 'irqdsl-mode) (format "%s opens in irqdsl-mode" (file-name-nondirectory file)))
        ;; eglot-ensure waits for the command loop, which batch mode has not: start eglot as it would.
        (apply #'eglot (eglot--guess-contact))
        (irqdsl-e2e-check (irqdsl-e2e-wait #'eglot-current-server 60) "eglot connects to irqdsl lsp")
        (let ((diags (irqdsl-e2e-wait #'flymake-diagnostics 60)))
          (dolist (d diags) (message "  %s %s" (flymake-diagnostic-type d) (flymake-diagnostic-text d)))
          (irqdsl-e2e-check (seq-some (lambda (d) (and (eq (flymake-diagnostic-type d) 'eglot-warning)
                                                       (string-match-p "\\[unmaskable-without-parent-mask\\]" (flymake-diagnostic-text d))))
                                      diags)
                            "Flymake shows the warning [unmaskable-without-parent-mask]"))
        ;; hover (ElDoc's source) on MSI_FLAG_PCI_MSIX
        (goto-char (point-min))
        (re-search-forward "\\_<MSI_FLAG_PCI_MSIX\\_>")
        (backward-char 3)
        (let* ((reply (jsonrpc-request (eglot-current-server) :textDocument/hover (eglot--TextDocumentPositionParams)))
               (text (format "%S" (plist-get reply :contents))))
          (message "  hover: %s" text)
          (irqdsl-e2e-check (string-match-p "PCI MSI-X" text) "the hover on MSI_FLAG_PCI_MSIX gives its meaning"))
        ;; completion after `supported ' on a new line of msi-parent-ops
        (goto-char (point-min))
        (re-search-forward "^\\( *\\)supported .*$")
        (let ((indent (match-string 1)))
          (end-of-line)
          (insert "\n" indent "supported "))
        (let* ((capf (eglot-completion-at-point))
               (cands (and capf (all-completions "" (nth 2 capf)))))
          (message "  completion: %d items" (length cands))
          (irqdsl-e2e-check (member "MSI_FLAG_PCI_MSIX" cands) "completion after `supported ' offers MSI_FLAG_PCI_MSIX")
          (irqdsl-e2e-check (and cands (not (seq-some (lambda (c) (string-prefix-p "DOMAIN_BUS_" c)) cands)))
                            "completion after `supported ' has no DOMAIN_BUS_*"))
        (set-buffer-modified-p nil)
        (ignore-errors (eglot-shutdown (eglot-current-server))))
    (error (irqdsl-e2e-check nil (format "error: %S" err))))
  (kill-emacs (if (zerop irqdsl-e2e-failures) 0 1)))
