// TypeDoc plugin (typedoc.json "plugin"): an entry file that opens with a directive ('use client' in
// src/react/index.ts, which React requires first) keeps its module comment and its `@module` name. TypeDoc reads a
// file's module comment only before its first statement; this reads the comment right after the leading directives.
import ts from 'typescript';
import { Comment, Converter, ReflectionKind } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.Module) || reflection.comment) return;
    const file = context.getSymbolFromReflection(reflection)?.declarations?.find(ts.isSourceFile);
    const first = file?.statements.findIndex((s) => !(ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression))) ?? -1;
    const comment = first > 0 ? context.getNodeComment(file.statements[first], true) : undefined;
    if (!comment) return;
    const tag = comment.getTag('@module');
    if (tag) {
      reflection.name = Comment.combineDisplayParts(tag.content).trim();
      comment.removeTags('@module');
    }
    reflection.comment = comment;
  });
}
