import { useParams } from 'react-router';
import { ArticlePage } from '../features/article/article-page';
import { CommentSection } from '../features/comments/comment-section';

/** The article page with its comment section: the app composes the two features. */
export function ArticleRoute() {
  const { slug = '' } = useParams();
  return (
    <ArticlePage
      key={slug}
      slug={slug}
      renderAfter={(article) => <CommentSection slug={article.slug} title={article.headline} />}
    />
  );
}
